locals {
  app = "labs"
  env = "staging"
}

data "aws_caller_identity" "current" {}

data "aws_subnet" "private" {
  id = "subnet-0123456789abcdef0"
}

resource "aws_s3_bucket" "weights" {
  bucket = "${local.app}-${local.env}-model-weights"
}

# EFS from the public registry module; the location reads its outputs.
module "efs" {
  source  = "terraform-aws-modules/efs/aws"
  version = "~> 1.6"

  name      = "${local.app}-${local.env}-model-cache"
  encrypted = false

  access_points = {
    app = {
      posix_user     = { uid = 100, gid = 1000 }
      root_directory = { path = "/app" }
    }
  }
}

resource "aws_cloudwatch_log_group" "copy" {
  name              = "${local.app}-${local.env}-model-copy"
  retention_in_days = 7
}

resource "aws_iam_role" "copier" {
  name = "model-copy@${local.app}-${local.env}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}

resource "aws_security_group" "copier" {
  name   = "model-copy@${local.app}-${local.env}"
  vpc_id = data.aws_subnet.private.vpc_id
}

resource "aws_datasync_location_s3" "weights" {
  s3_bucket_arn = aws_s3_bucket.weights.arn
  subdirectory  = "/app"
  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_efs" "cache" {
  efs_file_system_arn   = module.efs.mount_targets["private"].file_system_arn
  access_point_arn      = module.efs.access_points["app"].arn
  in_transit_encryption = "TLS1_2"

  ec2_config {
    security_group_arns = [aws_security_group.copier.arn]
    subnet_arn          = data.aws_subnet.private.arn
  }
}

resource "aws_datasync_task" "weights_to_cache" {
  name                     = "model-copy-${local.env}-app"
  destination_location_arn = aws_datasync_location_efs.cache.arn
  source_location_arn      = aws_datasync_location_s3.weights.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.copy.arn
  options {
    log_level = "TRANSFER"
    gid       = "NONE"
    uid       = "NONE"
  }
}
