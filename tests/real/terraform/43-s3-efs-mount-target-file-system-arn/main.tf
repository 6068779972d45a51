resource "aws_s3_bucket" "site_media" {
  bucket = "example-site-media"
}

resource "aws_efs_file_system" "site" {
  creation_token = "site-content"
}

resource "aws_efs_mount_target" "site_a" {
  file_system_id  = aws_efs_file_system.site.id
  subnet_id       = "subnet-0123456789abcdef0"
  security_groups = [aws_security_group.copier.id]
}

resource "aws_security_group" "copier" {
  name   = "site-copier"
  vpc_id = "vpc-0123456789abcdef0"
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["datasync.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "copier" {
  name               = "site-media-copier"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_datasync_location_s3" "media" {
  s3_bucket_arn = aws_s3_bucket.site_media.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier.arn
  }
}

resource "aws_datasync_location_efs" "content" {
  efs_file_system_arn = aws_efs_mount_target.site_a.file_system_arn
  subdirectory        = "/"

  ec2_config {
    security_group_arns = [aws_security_group.copier.arn]
    subnet_arn          = "arn:aws:ec2:us-east-1:210987654321:subnet/subnet-0123456789abcdef0"
  }
}

resource "aws_datasync_task" "media_to_content" {
  destination_location_arn = aws_datasync_location_efs.content.arn
  name                     = "site_media_copy"
  source_location_arn      = aws_datasync_location_s3.media.arn

  options {
    bytes_per_second = -1
  }
}
