provider "aws" {
  region = "eu-west-2"

  default_tags {
    tags = {
      Owner       = var.owner
      Stage       = var.stage
      Squad       = var.squad
    }
  }
}

resource "aws_s3_bucket" "exchange" {
  bucket = "example-record-exchange-bucket"
}

resource "aws_iam_role" "exchange_access" {
  name = "record-exchange-datasync-access"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
    }]
  })
}

resource "aws_datasync_location_s3" "inbox" {
  s3_bucket_arn = aws_s3_bucket.exchange.arn
  subdirectory  = "/inbox"

  s3_config {
    bucket_access_role_arn = aws_iam_role.exchange_access.arn
  }
}

resource "aws_datasync_location_s3" "outbox" {
  s3_bucket_arn = aws_s3_bucket.exchange.arn
  subdirectory  = "/outbox"

  s3_config {
    bucket_access_role_arn = aws_iam_role.exchange_access.arn
  }
}

resource "aws_datasync_task" "exchange" {
  name                     = "record-exchange"
  source_location_arn      = aws_datasync_location_s3.inbox.arn
  destination_location_arn = aws_datasync_location_s3.outbox.arn
}
