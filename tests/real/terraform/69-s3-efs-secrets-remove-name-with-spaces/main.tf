# Keys uploaded to a private bucket are mirrored onto the EFS volume the game
# lambdas mount; an S3 notification lambda starts the task after each change.

variable "efs_secrets" {
  type        = string
  description = "Creation token of the file system that holds the keys"
}

resource "aws_vpc" "players" {
  cidr_block = "10.30.0.0/16"
}

resource "aws_subnet" "lambdas" {
  vpc_id     = "${aws_vpc.players.id}"
  cidr_block = "10.30.1.0/24"
}

resource "aws_s3_bucket" "keys" {
  bucket_prefix = "key-volume-sync"
}

resource "aws_efs_file_system" "keys" {
  creation_token = "${var.efs_secrets}"
  encrypted      = true
}

resource "aws_security_group" "keys_volume" {
  name        = "keys-volume"
  description = "Traffic to the keys volume"
  vpc_id      = "${aws_vpc.players.id}"
}

resource "aws_efs_mount_target" "keys" {
  file_system_id  = "${aws_efs_file_system.keys.id}"
  subnet_id       = "${aws_subnet.lambdas.id}"
  security_groups = ["${aws_security_group.keys_volume.id}"]
}

data "aws_iam_policy_document" "copier_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["datasync.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "copier" {
  name               = "keys-volume-copier"
  assume_role_policy = data.aws_iam_policy_document.copier_trust.json
}

resource "aws_datasync_location_efs" "keys" {
  efs_file_system_arn = aws_efs_mount_target.keys.file_system_arn

  ec2_config {
    security_group_arns = ["${aws_security_group.keys_volume.arn}"]
    subnet_arn          = "${aws_subnet.lambdas.arn}"
  }
}

resource "aws_datasync_location_s3" "keys" {
  s3_bucket_arn = "${aws_s3_bucket.keys.arn}"
  subdirectory  = "/secrets"

  s3_config {
    bucket_access_role_arn = "${aws_iam_role.copier.arn}"
  }
}

resource "aws_datasync_task" "bucket_to_volume" {
  destination_location_arn = "${aws_datasync_location_efs.keys.arn}"
  name                     = "Copy keys from S3 to EFS"
  source_location_arn      = "${aws_datasync_location_s3.keys.arn}"

  options {
    preserve_deleted_files = "REMOVE"
  }
}
